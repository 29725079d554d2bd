// Start-up of the vanilla implementation, timed as startup-widget.js: the
// module graph loaded (it has nothing to initialise) while the page fetches
// the article deck, mount() of that deck, and the frame that paints the card.
import { mount } from '/vanilla/factcards-vanilla.js';
import { finish } from './startup-common.js';

const deck = fetch('/results/gen/phone-deck.json').then((r) => r.json());
const script = performance.now();
const ready = performance.now();
const data = await deck;
mount(document.getElementById('host'), data, { seed: 2021 });
finish({ script, ready, mounted: performance.now() });
