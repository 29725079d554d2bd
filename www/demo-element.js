// Demo pages that use only the <fact-cards> element: init() defines it.
import init from "./pkg/factcards.js";

await init();
