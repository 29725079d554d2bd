// The article page: the built-in deck in the sidebar, through the JS API.
import init, { mount } from "./pkg/factcards.js";

await init();
// `article`: cards whose quote is in the story beside the widget offer "Show in article".
mount(document.getElementById("sidebar-cards"), null, { seed: 2021, article: "#story" });
