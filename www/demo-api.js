// The JS API page: mount() into #cards, the handle's methods on buttons, and
// a log of every factcards:* event the host receives.
import init, { mount } from "./pkg/factcards.js";

await init();

const host = document.getElementById("cards");
const log = document.getElementById("log");
const EVENTS = ["ready", "flip", "answer", "complete", "error"];
for (const name of EVENTS) {
  host.addEventListener(`factcards:${name}`, (e) => {
    const li = document.createElement("li");
    li.textContent = `${e.type} ${JSON.stringify(e.detail)}`;
    log.prepend(li);
  });
}

let widget = mount(host, null, { seed: 2021 });
document.getElementById("show-cards").addEventListener("click", () => widget.show("cards"));
document.getElementById("show-quiz").addEventListener("click", () => widget.show("quiz"));
document.getElementById("destroy").addEventListener("click", () => widget.destroy());
document.getElementById("remount").addEventListener("click", () => {
  widget = mount(host, null, { seed: 2021 });
});
