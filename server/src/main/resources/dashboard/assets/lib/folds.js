// Folds event lists into what a person asks about: open tasks, projects, invoices. Payload fields are
// read under the names the agents write (title/name, assignee/assigned_to, amount, due_date).

const latest = (list, types) => list.filter(e => types.includes(e.event_type)).at(-1);
const field = (events, ...names) => {
  for (const event of [...events].reverse()) {
    for (const name of names) if (event.payload?.[name] !== undefined && event.payload[name] !== null) return event.payload[name];
  }
  return null;
};

function byAggregate(events) {
  const groups = new Map();
  for (const e of [...events].sort((a, b) => a.global_position - b.global_position)) {
    const key = e.aggregate_id;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(e);
  }
  return groups;
}

/** TASK events -> [{id, title, assignee, status, created, due, correlation}] */
export function tasks(events) {
  return [...byAggregate(events)].map(([id, list]) => ({
    id,
    title: field(list, 'title', 'name', 'description', 'action_item') ?? id,
    assignee: field(list, 'assignee', 'assigned_to', 'owner'),
    status: latest(list, ['TASK_COMPLETED']) ? 'done' : latest(list, ['TASK_ASSIGNED']) ? 'assigned' : 'open',
    created: list[0].timestamp,
    due: field(list, 'due_date', 'due_at', 'deadline'),
    correlation: list[0].correlation_id,
  }));
}

/** PROJECT events -> [{id, name, status, budget, started, risks, correlation}] */
export function projects(events) {
  return [...byAggregate(events)].map(([id, list]) => ({
    id,
    name: field(list, 'name', 'project_name', 'title') ?? id,
    status: latest(list, ['PROJECT_COMPLETED']) ? 'completed'
      : latest(list, ['PROJECT_AT_RISK']) ? 'at risk' : latest(list, ['PROJECT_STARTED']) ? 'in progress' : 'proposed',
    budget: field(list, 'budget', 'amount'),
    started: list.find(e => e.event_type === 'PROJECT_STARTED')?.timestamp ?? list[0].timestamp,
    risks: list.filter(e => e.event_type === 'PROJECT_AT_RISK').length,
    correlation: list[0].correlation_id,
  }));
}

/** INVOICE events -> [{id, amount, issued, due, paid, status}] */
export function invoices(events, now = Date.now()) {
  return [...byAggregate(events)].map(([id, list]) => {
    const paid = list.find(e => e.event_type === 'PAYMENT_RECEIVED');
    const due = field(list.filter(e => e.event_type === 'INVOICE_ISSUED'), 'due_date', 'due_at');
    return {
      id,
      amount: field(list.filter(e => e.event_type === 'INVOICE_ISSUED'), 'amount', 'total'),
      issued: list.find(e => e.event_type === 'INVOICE_ISSUED')?.timestamp ?? null,
      due,
      paid: paid?.timestamp ?? null,
      status: paid ? 'paid' : due && new Date(due).getTime() < now ? 'overdue' : 'open',
    };
  });
}
