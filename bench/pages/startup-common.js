// Records the start-up times in window.startup once the first card is painted:
// `raf` is a requestAnimationFrame callback after the card's text was set (the
// frame that shows it), `painted` a task posted from that callback, which runs
// once the frame's style, layout and paint are done. The marks fc-raf and
// fc-painted let bench/run.mjs find the same moments in a trace.
export function finish(times) {
  const card = document.getElementById('host').shadowRoot?.querySelector('.prompt')?.textContent ?? '';
  requestAnimationFrame(() => {
    const raf = performance.now();
    performance.mark('fc-raf'); // for the CPU time in the trace (bench/run.mjs)
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      performance.mark('fc-painted');
      const wasm = performance.getEntriesByType('resource').find((e) => e.name.endsWith('.wasm'));
      window.startup = { ...times, raf, painted: performance.now(), card, wasmResponseEnd: wasm ? wasm.responseEnd : null };
    };
    channel.port2.postMessage(null);
  });
}
