// The employee chat page: asks through the REST API with the portal session, shows answers with
// citations and source previews, and sends ratings. All answer HTML is escaped by the server.
(function () {
  'use strict';
  const api = (path, options = {}) =>
    fetch('../api/' + path, {
      credentials: 'same-origin',
      ...options,
      headers: { 'Accept': 'application/json', 'X-Requested-With': 'XMLHttpRequest', ...(options.body ? { 'Content-Type': 'application/json' } : {}) }
    }).then(async (r) => {
      if (r.status === 401) {
        location.href = '../portal/login.xhtml?next=' + encodeURIComponent('/chat/');
        throw new Error('Please sign in again.');
      }
      const body = r.status === 204 ? null : await r.json().catch(() => null);
      if (!r.ok) throw new Error((body && body.detail) || ('HTTP ' + r.status));
      return body;
    });

  const $ = (id) => document.getElementById(id);
  const conversation = $('conversation');
  const question = $('question');
  const error = $('error');
  const domains = [];
  let session = sessionStorage.getItem('infodesk.session') || '';

  function showError(e) {
    error.textContent = e.message || String(e);
    error.hidden = false;
  }

  function text(el, value) {
    el.textContent = value == null ? '' : value;
    return el;
  }

  function render(turn) {
    $('empty').hidden = true;
    const node = $('turn').content.firstElementChild.cloneNode(true);
    text(node.querySelector('.q'), turn.question);
    const badge = node.querySelector('.badge');
    if (turn.domain) {
      text(badge, turn.domainName || turn.domain);
      text(node.querySelector('.confidence'), 'confidence ' + (turn.confidence || 0).toFixed(2));
    } else {
      text(badge, turn.outcome === 'BLOCKED' ? 'not answered' : 'out of scope');
      badge.classList.add('none');
    }
    node.querySelector('.answer').innerHTML = turn.answerHtml || '';
    const list = node.querySelector('.citations');
    (turn.citations || []).forEach((c) => {
      const li = document.createElement('li');
      li.id = 'cite-' + c.number;
      const open = document.createElement('button');
      open.type = 'button';
      text(open, c.title + (c.heading ? ' — ' + c.heading : ''));
      open.addEventListener('click', () => preview(c.sourceId));
      li.appendChild(open);
      const snippet = document.createElement('span');
      snippet.className = 'snippet';
      snippet.innerHTML = c.snippet || '';
      li.appendChild(snippet);
      list.appendChild(li);
    });
    list.hidden = !list.children.length;
    wireRating(node, turn);
    conversation.appendChild(node);
    return node;
  }

  function wireRating(node, turn) {
    const up = node.querySelector('.up');
    const down = node.querySelector('.down');
    const escalate = node.querySelector('.escalate');
    const rated = node.querySelector('.rated');
    const form = node.querySelector('.comment');
    const select = form.querySelector('select');
    domains.forEach((d) => {
      const o = document.createElement('option');
      o.value = d.key;
      o.textContent = d.name;
      select.appendChild(o);
    });
    const oos = document.createElement('option');
    oos.value = 'out-of-scope';
    oos.textContent = 'None of these';
    select.appendChild(oos);
    const mark = (rating) => {
      up.setAttribute('aria-pressed', String(rating === 'up'));
      down.setAttribute('aria-pressed', String(rating === 'down'));
    };
    const send = (rating, extra = {}) =>
      api('interactions/' + turn.interactionId + '/feedback', { method: 'POST', body: JSON.stringify({ rating, ...extra }) })
        .then(() => { mark(rating); text(rated, 'Thanks for the feedback.'); })
        .catch(showError);
    if (turn.feedback) mark(turn.feedback.rating);
    up.addEventListener('click', () => { form.hidden = true; send('up'); });
    down.addEventListener('click', () => {
      send('down');
      form.hidden = false;
      form.querySelector('input').focus();
    });
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      send('down', { comment: form.comment.value || null, correctDomain: form.correctDomain.value || null })
        .then(() => { form.hidden = true; down.focus(); });
    });
    escalate.hidden = !turn.escalationOffered;
    escalate.addEventListener('click', () =>
      api('interactions/' + turn.interactionId + '/escalation', { method: 'POST', body: '{}' })
        .then(() => { text(rated, 'A person from the help desk will follow up.'); escalate.disabled = true; })
        .catch(showError));
  }

  function preview(sourceId) {
    api('sources/' + sourceId + '/preview')
      .then((p) => {
        text($('preview-title'), p.title);
        text($('preview-text'), p.text);
        $('preview').showModal();
      })
      .catch(showError);
  }

  function ask(q) {
    error.hidden = true;
    $('send').disabled = true;
    return api('ask', { method: 'POST', body: JSON.stringify({ question: q, sessionId: session || null }) })
      .then((r) => {
        session = r.sessionId;
        sessionStorage.setItem('infodesk.session', session);
        const node = render({ ...r, question: q });
        node.scrollIntoView({ behavior: 'smooth', block: 'end' });
        question.value = '';
      })
      .catch(showError)
      .finally(() => { $('send').disabled = false; question.focus(); });
  }

  $('ask').addEventListener('submit', (e) => {
    e.preventDefault();
    const q = question.value.trim();
    if (q) ask(q);
  });
  question.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      $('ask').requestSubmit();
    }
  });

  Promise.all([api('me'), api('domains')])
    .then(([me, list]) => {
      text($('me'), me.displayName);
      list.forEach((d) => domains.push(d));
      return api('interactions?max=10');
    })
    .then((history) => {
      history.reverse().forEach((i) =>
        render({
          interactionId: i.id, question: i.question, outcome: i.outcome, domain: i.domain,
          domainName: (domains.find((d) => d.key === i.domain) || {}).name, confidence: i.confidence,
          answerHtml: i.answerHtml, citations: [], escalationOffered: i.outcome !== 'ANSWERED', feedback: i.feedback
        }));
      question.focus();
    })
    .catch(showError);
})();
