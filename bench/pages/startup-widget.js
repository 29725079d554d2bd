// Start-up of the widget, timed from navigation start (performance.now() is
// relative to it): the module graph loaded, init() (fetching and compiling the
// wasm) while the page fetches the article deck, mount() of that deck, and
// the frame that paints the card. startup-vanilla.js gets the same deck the
// same way, so both pages do the same work: what a news page giving its own
// deck does.
import init, { mount } from '/pkg/factcards.js';
import { finish } from './startup-common.js';

const deck = fetch('/results/gen/phone-deck.json').then((r) => r.json());
const script = performance.now();
await init();
const ready = performance.now();
const data = await deck;
const host = document.getElementById('host');
mount(host, data, { seed: 2021 });
finish({ script, ready, mounted: performance.now() });
