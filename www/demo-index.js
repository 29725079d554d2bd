// The article page: the built-in deck in the sidebar, through the JS API.
import init, { mount } from "./pkg/factcards.js";

await init();
mount(document.getElementById("sidebar-cards"), null, { seed: 2021 });
