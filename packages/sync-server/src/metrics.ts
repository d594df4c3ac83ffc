/** Counters and gauges the relay reports at `GET /metrics`, in Prometheus text format. */
export class Metrics {
  connections = 0;
  rooms = 0;
  messagesIn = 0;
  messagesOut = 0;
  bytesIn = 0;
  bytesOut = 0;
  refusedConnections = 0;
  closedForBadInput = 0;
  errors = 0;
  persistenceErrors = 0;
  updatesRefused = 0;
  quarantined = 0;
  closedTooSlow = 0;
  closedExpired = 0;
  closedRevoked = 0;
  presenceQueriesIgnored = 0;
  badRequests = 0;
  /** Plans whose latest edits the disk has not taken yet (read when rendered). */
  unsavedPlans: () => number = () => 0;
  /** Figures the plan store reports of itself (the database's latency, for one). */
  fromStore: () => Array<{ name: string; type: 'gauge' | 'counter'; help: string; value: number }> = () => [];
  persistCount = 0;
  persistSecondsTotal = 0;
  persistSecondsMax = 0;

  /** Records how long one durable write took. */
  persisted(seconds: number): void {
    this.persistCount++;
    this.persistSecondsTotal += seconds;
    if (seconds > this.persistSecondsMax) this.persistSecondsMax = seconds;
  }

  render(): string {
    const lines: string[] = [];
    const metric = (name: string, type: 'counter' | 'gauge', help: string, value: number) => {
      lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`, `${name} ${value}`);
    };
    metric('coplan_connections', 'gauge', 'Open WebSocket connections.', this.connections);
    metric('coplan_rooms', 'gauge', 'Plans loaded in memory.', this.rooms);
    metric('coplan_messages_in_total', 'counter', 'Messages received from clients.', this.messagesIn);
    metric('coplan_messages_out_total', 'counter', 'Messages sent to clients.', this.messagesOut);
    metric('coplan_bytes_in_total', 'counter', 'Bytes received from clients.', this.bytesIn);
    metric('coplan_bytes_out_total', 'counter', 'Bytes sent to clients.', this.bytesOut);
    metric('coplan_refused_connections_total', 'counter', 'Connections refused (token, limits, bad path).', this.refusedConnections);
    metric('coplan_closed_bad_input_total', 'counter', 'Connections closed for malformed, oversized or too frequent messages.', this.closedForBadInput);
    metric('coplan_errors_total', 'counter', 'Unexpected errors.', this.errors);
    metric('coplan_persistence_errors_total', 'counter', 'Updates that could not be written to disk (disk full or read-only).', this.persistenceErrors);
    metric('coplan_updates_refused_total', 'counter', 'Updates refused because they failed to apply or nested too deep; the plan was rebuilt without them.', this.updatesRefused);
    metric('coplan_quarantined_total', 'counter', 'Stored updates or bytes that could not be loaded and were moved to a quarantine directory.', this.quarantined);
    metric('coplan_closed_too_slow_total', 'counter', 'Connections closed because too much waited to be sent to them.', this.closedTooSlow);
    metric('coplan_closed_expired_total', 'counter', 'Connections closed because their token expired.', this.closedExpired);
    metric('coplan_closed_revoked_total', 'counter', 'Connections closed because their share link was taken back.', this.closedRevoked);
    metric('coplan_presence_queries_ignored_total', 'counter', 'Presence queries ignored for coming faster than one a second.', this.presenceQueriesIgnored);
    metric('coplan_bad_requests_total', 'counter', 'HTTP requests refused as malformed (400).', this.badRequests);
    metric('coplan_plans_unsaved', 'gauge', 'Plans whose latest edits are not on disk yet because writes fail.', this.unsavedPlans());
    metric('coplan_persist_seconds_count', 'counter', 'Durable writes.', this.persistCount);
    metric('coplan_persist_seconds_sum', 'counter', 'Time spent in durable writes, seconds.', this.persistSecondsTotal);
    metric('coplan_persist_seconds_max', 'gauge', 'Longest durable write, seconds.', this.persistSecondsMax);
    for (const m of this.fromStore()) metric(m.name, m.type, m.help, m.value);
    return lines.join('\n') + '\n';
  }
}
