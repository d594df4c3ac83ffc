// The floor: a bare ws server that passes every message to the others in its room
// and does no CRDT work and no persistence. Nothing can be faster than this.
import http from 'node:http';
import { WebSocketServer } from 'ws';

const rooms = new Map();
const server = http.createServer((_req, res) => res.end('ok'));
const wss = new WebSocketServer({ server });
wss.on('connection', (ws, req) => {
  const room = req.url;
  if (!rooms.has(room)) rooms.set(room, new Set());
  const peers = rooms.get(room);
  peers.add(ws);
  ws.on('message', (data) => {
    for (const p of peers) if (p !== ws && p.readyState === p.OPEN) p.send(data);
  });
  ws.on('close', () => peers.delete(ws));
});
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => console.log(`listening on http://127.0.0.1:${server.address().port}`));
