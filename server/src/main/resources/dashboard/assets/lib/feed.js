// Follows /api/v1/events/stream (Server-Sent Events) with the user's token in the Authorization header:
// every event the user may read, in commit order, from when it connects. On a dropped connection or an
// expired token it reconnects with the current token and resumes after the last event it saw, so nothing
// is lost in between.
import {apiKey, token} from './session.js';

/**
 * Calls onEvent(event) for each event and onStatus('live' | 'reconnecting') as the stream comes and
 * goes. Returns a function that stops following.
 */
export function followEvents(onEvent, onStatus = () => {}) {
  let lastPosition = null;
  let controller = null;
  let stopped = false;
  let attempts = 0;

  async function run() {
    while (!stopped) {
      controller = new AbortController();
      try {
        const after = lastPosition === null ? '' : `?after=${lastPosition}`;
        const response = await fetch(`/api/v1/events/stream${after}`, {
          headers: {apikey: apiKey(), Authorization: `Bearer ${token()}`, Accept: 'text/event-stream'},
          signal: controller.signal,
        });
        if (!response.ok) throw new Error(`event stream answered ${response.status}`);
        await read(response.body.getReader(), () => {
          attempts = 0;
          onStatus('live');
        });
      } catch (e) {
        if (stopped) return;
        console.debug('event stream interrupted', e);
      }
      if (stopped) return;
      onStatus('reconnecting');
      await new Promise(resolve => setTimeout(resolve, Math.min(15_000, 500 * 2 ** attempts++)));
    }
  }

  async function read(reader, connected) {
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const {value, done} = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, {stream: true});
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (block.startsWith(': connected')) connected();
        const data = block.split('\n').filter(line => line.startsWith('data: ')).map(line => line.slice(6)).join('\n');
        if (data) {
          const event = JSON.parse(data);
          lastPosition = event.global_position;
          onEvent(event);
        }
      }
    }
  }

  run();
  return () => {
    stopped = true;
    controller?.abort();
  };
}
