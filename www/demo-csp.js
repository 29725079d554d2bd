// The strict-CSP page: an external module script (no inline script is
// allowed there). init() defines <fact-cards>; mount() fills #api.
import init, { mount } from "./pkg/factcards.js";

await init();
mount("#api", null, { mode: "quiz", seed: 7, questions: 3 });
