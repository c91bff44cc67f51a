// Row changes pushed by /realtime/v1/websocket (the Phoenix protocol supabase-js speaks): one socket per
// page, one channel per watched table, heartbeats, reconnection with backoff, and the user's new token
// handed to every channel when the session is refreshed.
import {apiKey, onChange, token} from './session.js';

const HEARTBEAT_MS = 25_000;

/**
 * Calls onChange(change) for every INSERT, UPDATE or DELETE of public.<table> the user may see, and
 * onStatus('live' | 'reconnecting') as the socket comes and goes. Returns a function that stops it.
 */
export function watchTable(table, onRowChange, onStatus = () => {}) {
  let socket = null;
  let ref = 0;
  let heartbeat = null;
  let retry = null;
  let attempts = 0;
  let stopped = false;
  const topic = `realtime:dashboard:${table}`;

  const send = (event, payload, topicName = topic) => {
    if (socket?.readyState === WebSocket.OPEN) {
      socket.send(JSON.stringify({topic: topicName, event, payload, ref: String(++ref)}));
    }
  };

  function connect() {
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    socket = new WebSocket(`${scheme}://${location.host}/realtime/v1/websocket?apikey=${encodeURIComponent(apiKey())}&vsn=1.0.0`);
    socket.onopen = () => {
      send('phx_join', {config: {postgres_changes: [{event: '*', schema: 'public', table}]}, access_token: token()});
      heartbeat = setInterval(() => send('heartbeat', {}, 'phoenix'), HEARTBEAT_MS);
    };
    socket.onmessage = message => {
      const {event, payload} = JSON.parse(message.data);
      if (event === 'phx_reply' && payload?.status === 'ok' && payload.response?.postgres_changes) {
        attempts = 0;
        onStatus('live');
      } else if (event === 'postgres_changes') {
        onRowChange(payload.data);
      } else if (event === 'phx_close' || (event === 'phx_reply' && payload?.status === 'error')) {
        socket.close();
      }
    };
    socket.onclose = () => {
      clearInterval(heartbeat);
      if (stopped) return;
      onStatus('reconnecting');
      retry = setTimeout(connect, Math.min(30_000, 500 * 2 ** attempts++));
    };
  }

  const unlisten = onChange(() => send('access_token', {access_token: token()}));
  connect();
  return () => {
    stopped = true;
    unlisten();
    clearTimeout(retry);
    clearInterval(heartbeat);
    socket?.close();
  };
}
