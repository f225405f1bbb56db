/*
 * The Trajectory local console. Plain JavaScript, no dependencies, nothing fetched from elsewhere.
 *
 * Every value that comes from the application (messages, tool arguments, event properties, ids) reaches the page
 * only as text: through el(...) below, which uses document.createTextNode and setAttribute, never innerHTML.
 */
(function () {
    'use strict';

    var REFRESH_MS = 3000;
    var view = document.getElementById('view');
    var live = document.getElementById('live');
    var searchForm = document.getElementById('search');
    var searchInput = document.getElementById('search-input');
    var lastBody = null;
    var timer = null;
    var searchDelay = null;

    /** Creates an element; string children become text nodes, null children are skipped. */
    function el(tag, attributes) {
        var node = document.createElement(tag);
        var name;
        for (name in attributes || {}) {
            if (Object.prototype.hasOwnProperty.call(attributes, name) && attributes[name] != null) {
                node.setAttribute(name, String(attributes[name]));
            }
        }
        for (var i = 2; i < arguments.length; i++) {
            append(node, arguments[i]);
        }
        return node;
    }

    function append(node, child) {
        if (child == null) {
            return;
        }
        if (Array.isArray(child)) {
            child.forEach(function (each) { append(node, each); });
        } else if (child instanceof Node) {
            node.appendChild(child);
        } else {
            node.appendChild(document.createTextNode(String(child)));
        }
    }

    function json(value) {
        return typeof value === 'string' ? value : JSON.stringify(value, null, 2);
    }

    function compactJson(value) {
        return JSON.stringify(value);
    }

    function time(iso) {
        if (!iso) {
            return '';
        }
        var date = new Date(iso);
        return isNaN(date.getTime()) ? String(iso) : date.toLocaleString();
    }

    function millis(value) {
        if (value == null) {
            return '–';
        }
        return value < 1000 ? value + ' ms' : (value / 1000).toFixed(value < 10000 ? 2 : 1) + ' s';
    }

    function number(value) {
        return value == null ? '–' : Number(value).toLocaleString();
    }

    function badge(status) {
        return el('span', { 'class': 'badge badge--' + status, 'data-status': status }, status);
    }

    function route() {
        var hash = window.location.hash || '#/';
        var run = /^#\/runs\/(.+)$/.exec(hash);
        if (run) {
            return { page: 'run', traceId: decodeURIComponent(run[1]) };
        }
        var query = /^#\/\?q=(.*)$/.exec(hash);
        return { page: 'list', query: query ? decodeURIComponent(query[1]) : '' };
    }

    function fetchJson(url) {
        return fetch(url, { headers: { 'Accept': 'application/json' }, cache: 'no-store' }).then(function (response) {
            if (response.status === 404) {
                return null;
            }
            if (!response.ok) {
                throw new Error('HTTP ' + response.status);
            }
            return response.text();
        });
    }

    function load() {
        var current = route();
        var url = current.page === 'run'
            ? 'api/runs/' + encodeURIComponent(current.traceId)
            : 'api/runs?limit=100&q=' + encodeURIComponent(current.query);
        return fetchJson(url).then(function (body) {
            live.classList.remove('live--stale');
            live.textContent = 'live · ' + new Date().toLocaleTimeString();
            var key = current.page + '|' + (current.traceId || current.query) + '|' + body;
            if (key === lastBody) {
                return;
            }
            lastBody = key;
            var data = body == null ? null : JSON.parse(body);
            if (current.page === 'run') {
                renderRun(current.traceId, data);
            } else {
                renderList(current.query, data ? data.runs : []);
            }
        }).catch(function (error) {
            live.classList.add('live--stale');
            live.textContent = 'not refreshing: ' + error.message;
        });
    }

    function show(nodes) {
        var openDetails = Array.prototype.map.call(view.querySelectorAll('details[open]'), function (d) {
            return d.id;
        });
        view.replaceChildren.apply(view, nodes);
        openDetails.forEach(function (id) {
            var details = id && document.getElementById(id);
            if (details) {
                details.open = true;
            }
        });
    }

    function renderList(query, runs) {
        if (searchInput !== document.activeElement) {
            searchInput.value = query;
        }
        var heading = el('h1', null, query ? 'Runs matching “' + query + '”' : 'Recent agent runs');
        if (!runs.length) {
            show([heading, el('div', { 'class': 'panel empty', id: 'runs-empty' },
                query ? 'No run matches.' : ['No agent runs yet. Methods annotated with ',
                    el('code', null, '@TraceAgentRun(uploadTrajectory = true)'),
                    ' appear here when they finish.'])]);
            return;
        }
        var rows = runs.map(function (run) {
            var href = '#/runs/' + encodeURIComponent(run.traceId);
            var row = el('tr', { 'class': 'run', 'data-trace-id': run.traceId, 'data-status': run.status },
                el('td', null, time(run.startedAt)),
                el('td', null, el('a', { href: href, 'class': 'run__link' }, run.name || run.traceId)),
                el('td', { 'class': 'mono' }, run.sessionId || ''),
                el('td', { 'class': 'mono' }, run.userId || ''),
                el('td', null, badge(run.status)),
                el('td', { 'class': 'num' }, millis(run.durationMs)),
                el('td', { 'class': 'num' }, number(run.tokens)),
                el('td', { 'class': 'num' }, number(run.steps)),
                el('td', { 'class': 'num errors ' + (run.toolErrors ? 'errors--some' : '') },
                    run.toolErrors + ' / ' + run.toolCalls),
                el('td', { 'class': 'preview' }, run.preview || ''));
            row.addEventListener('click', function (event) {
                if (event.target.tagName !== 'A') {
                    window.location.hash = href;
                }
            });
            return row;
        });
        show([heading, el('div', { 'class': 'panel' }, el('table', { 'class': 'runs', id: 'runs' },
            el('thead', null, el('tr', null, el('th', null, 'Started'), el('th', null, 'Run'),
                el('th', null, 'Session'), el('th', null, 'User'), el('th', null, 'Status'),
                el('th', { 'class': 'num' }, 'Duration'), el('th', { 'class': 'num' }, 'Tokens'),
                el('th', { 'class': 'num' }, 'Steps'), el('th', { 'class': 'num' }, 'Tool errors'),
                el('th', null, 'First message'))),
            el('tbody', null, rows)))]);
    }

    function renderRun(traceId, run) {
        var back = el('a', { href: '#/', 'class': 'back' }, '← All runs');
        if (!run) {
            show([back, el('div', { 'class': 'panel empty' }, 'No stored run has the trace id ', el('code', null, traceId),
                '. Only the newest 1000 runs are kept.')]);
            return;
        }
        var summary = run.summary;
        var header = el('section', { 'class': 'panel', id: 'run', 'data-trace-id': summary.traceId },
            el('div', { 'class': 'entry__head' }, el('h1', null, summary.name || 'Agent run'), badge(summary.status)),
            el('ul', { 'class': 'facts' },
                fact('Trace', summary.traceId, true), fact('Session', summary.sessionId, true),
                fact('User', summary.userId, true), fact('Started', time(summary.startedAt)),
                fact('Duration', millis(summary.durationMs)), fact('Tokens', number(summary.tokens)),
                fact('Steps', number(summary.steps)),
                fact('Tool errors', summary.toolErrors + ' of ' + summary.toolCalls + ' calls')));
        header.style.padding = '14px 16px';
        show([back, header,
            el('h2', null, 'Timeline'), timeline(run.timeline),
            el('h2', null, 'Correlated events (' + run.events.length + ')'), events(run.events),
            el('h2', null, 'Trajectory'),
            el('details', { 'class': 'panel json', id: 'trajectory-json' }, el('summary', null, 'Trajectory JSON'),
                el('pre', { id: 'trajectory-json-text' }, json(run.trajectory)))]);
    }

    function fact(label, value, mono) {
        return el('li', null, el('span', null, label), el('span', { 'class': mono ? 'mono' : null }, value || '–'));
    }

    function timeline(entries) {
        if (!entries.length) {
            return el('div', { 'class': 'panel empty' }, 'The trajectory has no steps.');
        }
        var longest = entries.reduce(function (max, entry) { return Math.max(max, entry.durationMs || 0); }, 0);
        return el('ol', { 'class': 'timeline', id: 'timeline' }, entries.map(function (entry, index) {
            return timelineEntry(entry, index, longest);
        }));
    }

    function timelineEntry(entry, index, longest) {
        var failed = entry.error != null;
        var item = el('li', {
            'class': 'entry entry--' + entry.kind + (failed ? ' entry--error' : ''),
            'data-kind': entry.kind,
            'data-status': failed ? 'error' : 'ok',
            'data-tool': entry.kind === 'tool' ? entry.title : null,
            id: 'entry-' + index
        }, el('div', { 'class': 'entry__head' },
            el('span', { 'class': 'entry__kind' }, entry.kind === 'llm' ? 'LLM' : entry.kind),
            el('span', { 'class': 'entry__title' }, entry.title),
            el('span', { 'class': 'entry__meta' }, meta(entry))));
        if (entry.content) {
            append(item, el('div', { 'class': 'entry__content' }, entry.content));
        }
        (entry.toolCalls || []).forEach(function (call) {
            append(item, [el('div', { 'class': 'entry__label' }, 'calls ' + call.name + (call.id ? ' (' + call.id + ')' : '')),
                el('pre', null, json(call.arguments))]);
        });
        if (entry.kind === 'tool' && entry.arguments != null) {
            append(item, [el('div', { 'class': 'entry__label' }, 'arguments'), el('pre', null, json(entry.arguments))]);
        }
        if (failed) {
            append(item, el('div', { 'class': 'entry__error' }, 'Failed: ' + entry.error));
        } else if (entry.kind === 'tool' && entry.response != null) {
            append(item, [el('div', { 'class': 'entry__label' }, 'response'), el('pre', null, json(entry.response))]);
        }
        if (entry.durationMs != null && longest > 0) {
            var bar = el('span');
            bar.style.width = Math.max(2, Math.round(100 * entry.durationMs / longest)) + '%';
            append(item, el('div', { 'class': 'duration', title: millis(entry.durationMs) }, bar));
        }
        return item;
    }

    function meta(entry) {
        var parts = ['step ' + (entry.step + 1)];
        if (entry.durationMs != null) {
            parts.push(millis(entry.durationMs));
        }
        if (entry.tokens != null) {
            parts.push(number(entry.tokens) + ' tokens');
        }
        if (entry.finishReason) {
            parts.push(entry.finishReason);
        }
        return parts.join(' · ');
    }

    function events(list) {
        if (!list.length) {
            return el('div', { 'class': 'panel empty' }, 'No events.');
        }
        return el('div', { 'class': 'panel' }, el('table', { 'class': 'events', id: 'events' },
            el('thead', null, el('tr', null, el('th', null, 'Time'), el('th', null, 'Type'), el('th', null, 'User'),
                el('th', null, 'Properties'))),
            el('tbody', null, list.map(function (event) {
                var failed = /error|fail/.test(event.event_type);
                return el('tr', { 'class': failed ? 'event--error' : null, 'data-event-type': event.event_type },
                    el('td', { 'class': 'mono' }, time(event.timestamp)),
                    el('td', { 'class': 'type mono' }, event.event_type),
                    el('td', { 'class': 'mono' }, event.user_id || ''),
                    el('td', { 'class': 'props' }, compactJson(event.properties || {})));
            }))));
    }

    function schedule() {
        clearTimeout(timer);
        timer = setTimeout(function tick() {
            (document.hidden ? Promise.resolve() : load()).then(schedule, schedule);
        }, REFRESH_MS);
    }

    searchForm.addEventListener('submit', function (event) {
        event.preventDefault();
        window.location.hash = '#/?q=' + encodeURIComponent(searchInput.value.trim());
    });
    searchInput.addEventListener('input', function () {
        clearTimeout(searchDelay);
        searchDelay = setTimeout(function () {
            window.location.hash = '#/?q=' + encodeURIComponent(searchInput.value.trim());
        }, 250);
    });
    window.addEventListener('hashchange', function () {
        lastBody = null;
        window.scrollTo(0, 0);
        load();
    });
    load().then(schedule, schedule);
}());
