// The strict-CSP page: an external module script (no inline script is
// allowed there). The module defines <fact-cards>; init() loads the wasm;
// mount() fills #api.
import init, { mount } from "./pkg/factcards.js";

await init();
mount("#api", null, { mode: "quiz", seed: 7, questions: 3 });
