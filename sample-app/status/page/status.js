// Renders the status stream of /status/events (or polls /status.json where
// EventSource is missing). Every value is written with textContent, never
// as HTML, so nothing in the data can become markup or script.
/* global document, window, EventSource */
'use strict';

const MAX_EVENTS = 20;

function text(root, selector, value) {
  root.querySelector(selector).textContent = value ?? '–';
}

function describeError(secret) {
  if (!secret.lastErrorKind) return '–';
  return secret.lastErrorCode
    ? `${secret.lastErrorKind} (${secret.lastErrorCode})`
    : secret.lastErrorKind;
}

function renderSecret(secret) {
  const template = document.getElementById('secret-card');
  const card = template.content.firstElementChild.cloneNode(true);
  card.dataset.secretId = secret.secretId;
  text(card, '.secret-id', secret.secretId);
  const state = card.querySelector('.state');
  state.textContent = secret.required
    ? secret.state
    : `${secret.state} (optional)`;
  state.dataset.state = secret.state;
  text(card, '.stage', secret.stage);
  text(card, '.version', secret.versionId);
  text(card, '.fetched', secret.fetchedAt);
  text(card, '.attempt', secret.lastAttemptAt);
  text(card, '.failures', String(secret.consecutiveFailures));
  text(card, '.error', describeError(secret));
  text(card, '.refused', secret.refusedVersionId);
  const history = card.querySelector('.history');
  if (secret.history.length === 0) {
    const item = document.createElement('li');
    item.textContent = 'no rotation since start';
    history.append(item);
  }
  for (const entry of secret.history) {
    const item = document.createElement('li');
    item.textContent = `${entry.at}: ${entry.fromVersionId} → ${entry.toVersionId}`;
    history.append(item);
  }
  return card;
}

function renderStatus(view) {
  document
    .getElementById('secrets')
    .replaceChildren(...view.secrets.map(renderSecret));
  document.getElementById('updated').textContent = view.at;
}

function describeEvent(event) {
  switch (event.type) {
    case 'rotated':
      return `rotated ${event.secretId}: ${event.previousVersionId} → ${event.versionId}`;
    case 'refused':
      return `refused ${event.secretId} version ${event.versionId} (${event.kind})`;
    default:
      return `failed ${event.secretId} (${event.kind}${event.code ? `, ${event.code}` : ''})`;
  }
}

function renderEvent(event) {
  const list = document.getElementById('events');
  const item = document.createElement('li');
  item.dataset.type = event.type;
  item.textContent = `${event.at} ${describeEvent(event)}`;
  list.prepend(item);
  while (list.children.length > MAX_EVENTS) list.lastElementChild.remove();
}

function setConnection(state, label) {
  const connection = document.getElementById('connection');
  connection.dataset.state = state;
  connection.textContent = label;
}

function listen() {
  const source = new EventSource('/status/events');
  source.addEventListener('open', () => setConnection('live', 'Live'));
  source.addEventListener('error', () =>
    setConnection('lost', 'Reconnecting…'),
  );
  source.addEventListener('status', (message) =>
    renderStatus(JSON.parse(message.data)),
  );
  source.addEventListener('secret-event', (message) =>
    renderEvent(JSON.parse(message.data)),
  );
}

function poll() {
  const refresh = () =>
    fetch('/status.json', { cache: 'no-store' })
      .then((res) => res.json())
      .then((view) => {
        renderStatus(view);
        setConnection('live', 'Polling every second');
      })
      .catch(() => setConnection('lost', 'Unreachable, retrying…'));
  void refresh();
  setInterval(refresh, 1000);
}

document.addEventListener('DOMContentLoaded', () => {
  if (typeof window.EventSource === 'function') listen();
  else poll();
});
