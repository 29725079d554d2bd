// Demo pages that use only the <fact-cards> element: importing the module
// defines it; init() loads the wasm it mounts with.
import init from "./pkg/factcards.js";

await init();
