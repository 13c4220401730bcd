// Attendance without a connection, on every page of a signed-in user:
// - the badge in the menu bar ([data-offline-queue]) says how many saved rosters wait on this phone, Today marks each
//   session whose roster waits, and a page shown without a signal (the copy kept by the service worker) says so;
// - waiting rosters are sent to the server (Roster?handler=Sync) on page load, when the connection returns and every
//   30 s while something waits; one leaves the queue only when the server has answered 200 (or refused it for good);
// - the server's report (which of the phone's marks met marks made elsewhere, in the server's words) is shown once, as
//   a dismissible alert at the top of the page and, on the roster of that session, beside each person; the roster
//   then shows the server's marks;
// - on a roster ([data-roster]), Save without a connection keeps the marks in the queue instead of posting;
// - signing out first sends what waits, asks before discarding what cannot be sent, then forgets the kept pages.
// Texts come localized from the page's data attributes. Needs lib/idb/umd.js and js/attendance-queue.js first.
(function () {
    'use strict';
    var Q = window.LivelihoodQueue;
    var host = document.querySelector('[data-offline-queue]');
    if (!Q || !host || !('indexedDB' in window)) return;
    var badge = host.querySelector('[data-offline-count]');
    var REPORTS = 'livelihood.attendance.reports';
    var USED = 'livelihood.attendance.usedSubmissionIds';
    var RETRY_MS = 30000;
    var inFlight = null;
    var form = document.querySelector('form[data-roster]');

    function format(template, values) {
        return template.replace(/\{(\d+)\}/g, function (_, i) { return values[Number(i)]; });
    }

    function readList(key) {
        try { return JSON.parse(localStorage.getItem(key) || '[]'); } catch (e) { return []; }
    }

    function writeList(key, list) {
        try { localStorage.setItem(key, JSON.stringify(list)); } catch (e) { /* storage full or blocked: not fatal */ }
    }

    function refreshBadge() {
        return Q.all().then(function (items) {
            var n = items.length;
            badge.textContent = n > 0 ? format(host.getAttribute('data-waiting'), [n]) : '';
            badge.hidden = n === 0;
            markWaitingSessions(items);
            sayWithoutSignal(n);
            return n;
        });
    }

    // Today: each session whose roster waits on this phone says so (the kept copy of Today predates the save).
    function markWaitingSessions(items) {
        var waiting = {};
        items.forEach(function (i) { waiting[i.sessionId] = true; });
        Array.prototype.forEach.call(document.querySelectorAll('a[href^="/Attendance/Roster/"] [data-waiting-here]'), function (mark) {
            mark.hidden = !waiting[/\/Attendance\/Roster\/(\d+)/.exec(mark.closest('a').getAttribute('href'))[1]];
        });
    }

    // Without a signal the page is the copy kept on this phone: say so at the top, with what waits to be sent.
    function sayWithoutSignal(n) {
        var note = document.querySelector('[data-offline-note]');
        var main = document.querySelector('main');
        if (navigator.onLine || !main) {
            if (note) note.remove();
            return;
        }
        if (!note) {
            note = document.createElement('div');
            note.className = 'alert alert-secondary py-2';
            note.setAttribute('role', 'status');
            note.setAttribute('data-offline-note', '');
            main.insertBefore(note, main.firstChild);
        }
        note.textContent = host.getAttribute('data-without-signal') + ' '
            + (n > 0 ? format(host.getAttribute('data-queue-state'), [n]) : host.getAttribute('data-queue-empty'));
    }

    function alertBox(kind, lines) {
        var box = document.createElement('div');
        box.className = 'alert alert-' + kind + ' alert-dismissible';
        box.setAttribute('role', 'status');
        box.setAttribute('data-offline-report', '');
        lines.forEach(function (line) {
            var div = document.createElement('div');
            div.textContent = line;
            box.appendChild(div);
        });
        var close = document.createElement('button');
        close.type = 'button';
        close.className = 'btn-close';
        close.setAttribute('data-bs-dismiss', 'alert');
        close.setAttribute('aria-label', host.getAttribute('data-close'));
        box.appendChild(close);
        return box;
    }

    // Reports wait in localStorage until a page shows them (the sending page, or the next one if it was left).
    function showReports() {
        var reports = readList(REPORTS);
        var main = document.querySelector('main');
        if (!reports.length || !main) return;
        reports.forEach(function (r) {
            var lines, kind = 'success';
            if (r.refused) {
                kind = 'danger';
                lines = [format(host.getAttribute('data-refused'), [r.label, r.refused])];
            } else {
                lines = [format(host.getAttribute('data-sent'), [r.label, r.saved])].concat(r.lines || []);
                if (r.lost) kind = 'warning';
            }
            var box = alertBox(kind, lines);
            main.insertBefore(box, main.firstChild);
            // Marks of this phone's that lost must not go unseen below the fold (a phone's screen is short).
            if (kind !== 'success') {
                box.setAttribute('role', 'alert');
                box.scrollIntoView({ block: 'start' });
            }
        });
        writeList(REPORTS, []);
    }

    function report(entry) {
        var reports = readList(REPORTS);
        reports.push(entry);
        writeList(REPORTS, reports);
    }

    function pageToken() {
        var input = document.querySelector('input[name="__RequestVerificationToken"]');
        return input ? input.value : '';
    }

    // The server's marks after a sync, on the roster of that session if it is the page open: the screen shows what
    // the server holds, a further save from it starts from those versions, and each person whose mark met another
    // has the server's words beside them.
    function showServerMarks(sessionId, outcome) {
        if (!form || Number(form.getAttribute('data-session-id')) !== sessionId) return;
        if (outcome.marks && outcome.marks.length) form.dispatchEvent(new CustomEvent('roster:marks', { detail: { marks: outcome.marks } }));
        (outcome.rows || []).forEach(function (r) {
            var version = form.querySelector('input[name="versions[' + r.enrollmentId + ']"]');
            if (!version) return;
            var row = version.closest('.roster-row');
            var said = row.querySelector('[data-row-report]') || document.createElement('p');
            said.className = 'small text-warning-emphasis fw-semibold mb-0 mt-1';
            said.setAttribute('data-row-report', '');
            said.textContent = r.message;
            version.parentNode.insertBefore(said, version);
        });
    }

    // One queued roster to the server. Resolves to true when it has left the queue (or been held back for the trainer).
    function send(item) {
        var tokens = [pageToken(), item.token].filter(function (t, i, all) { return t && all.indexOf(t) === i; });
        function attempt(i) {
            return fetch('/Attendance/Roster/' + item.sessionId + '?handler=Sync', {
                method: 'POST',
                credentials: 'same-origin',
                redirect: 'manual', // signed out: the sign-in page is not an answer
                headers: { 'Content-Type': 'application/json', 'RequestVerificationToken': tokens[i] || '' },
                // sentAt: the phone's clock now, so the server can correct every time in the batch by how far it is off.
                body: JSON.stringify({
                    submissionId: item.submissionId, markedAt: item.markedAt, sentAt: new Date().toISOString(), entries: item.entries, paper: item.paper || null
                })
            }).then(function (response) {
                var json = (response.headers.get('Content-Type') || '').indexOf('application/json') === 0;
                if (response.status === 200 && json) {
                    return response.json().then(function (outcome) {
                        report({ label: item.label, saved: outcome.saved, lines: outcome.lines, lost: outcome.lost });
                        showServerMarks(item.sessionId, outcome);
                        return Q.remove(item.submissionId).then(function () { return true; });
                    });
                }
                if (response.status === 400 && json) {
                    return response.json().then(function (body) {
                        report({ label: item.label, refused: body.message || '' });
                        // Marks the trainer can save again (the phone's clock was wrong) stay on the phone, held back
                        // until the roster is saved again; others (a cancelled session, unreadable marks) leave.
                        if (body.retake) {
                            item.held = body.message || '';
                            return Q.add(item).then(function () { return true; });
                        }
                        return Q.remove(item.submissionId).then(function () { return true; });
                    });
                }
                // 400 without JSON is a stale antiforgery token: try the other one we have.
                if (response.status === 400 && i + 1 < tokens.length) return attempt(i + 1);
                return false; // signed out, not allowed, server trouble: keep it and try again later
            });
        }
        return attempt(0);
    }

    // Sends every queued roster, one after the other. Resolves to how many still wait.
    function sendAll() {
        if (inFlight) return inFlight;
        if (!navigator.onLine) return refreshBadge();
        inFlight = Q.all().then(function (items) {
            return items.filter(function (item) { return !item.held; }).reduce(function (chain, item) {
                return chain.then(function (go) { return go && send(item).then(function () { return true; }); });
            }, Promise.resolve(true));
        }).catch(function () { /* no connection after all: the next retry sends */ })
            .then(function () {
                showReports();
                return refreshBadge();
            }).then(function (n) {
                inFlight = null;
                if (n === 0) Array.prototype.forEach.call(document.querySelectorAll('[data-saved-offline]'), function (b) { b.remove(); });
                return n;
            });
        return inFlight;
    }

    // Signing out first sends what waits on this phone; what cannot be sent is discarded only if the user says so, as
    // the next person to sign in here could not send it. Then the pages kept on this phone (they hold people's names)
    // and the reports not yet shown are forgotten. Without a signal nothing can be sent, nor the sign-out itself.
    function forgetKeptPages() {
        if (!('caches' in window)) return Promise.resolve();
        return caches.keys().then(function (names) {
            return Promise.all(names.filter(function (n) { return n.indexOf('livelihood-pages') === 0; }).map(function (n) { return caches.delete(n); }));
        }).catch(function () { });
    }
    Array.prototype.forEach.call(document.querySelectorAll('form[action$="/Account/SignOut"]'), function (signOut) {
        signOut.addEventListener('submit', function (event) {
            if (signOut.hasAttribute('data-signing-out')) return;
            event.preventDefault();
            if (!navigator.onLine) {
                window.alert(host.getAttribute('data-sign-out-offline'));
                return;
            }
            sendAll().then(function (n) {
                if (n > 0 && !window.confirm(format(host.getAttribute('data-discard'), [n]))) return null;
                return (n > 0 ? Q.clear() : Promise.resolve()).then(forgetKeptPages).then(function () {
                    writeList(REPORTS, []);
                    signOut.setAttribute('data-signing-out', '');
                    signOut.submit();
                });
            });
        });
    });

    // ---- the roster page ----
    function rosterPage() {
        var idInput = form.querySelector('input[name="submissionId"]');
        var sessionId = Number(form.getAttribute('data-session-id'));
        var label = form.getAttribute('data-session-label') || '';
        var used = readList(USED);

        // A kept copy of the page may carry an id already sent: each save needs its own.
        if (used.indexOf(idInput.value) >= 0) idInput.value = Q.newId();
        function markUsed(id) {
            var list = readList(USED).filter(function (x) { return x !== id; });
            list.push(id);
            writeList(USED, list.slice(-200));
        }

        function savedHere() {
            var box = form.parentNode.querySelector('[data-saved-offline]');
            if (!box) {
                box = alertBox('info', [form.getAttribute('data-saved-offline-text')]);
                box.setAttribute('data-saved-offline', '');
                form.parentNode.insertBefore(box, form);
            }
            box.scrollIntoView({ block: 'nearest' });
        }

        function heldBack(message) {
            var box = alertBox('warning', [message]);
            box.setAttribute('data-held-back', '');
            form.parentNode.insertBefore(box, form);
        }

        // Marks waiting on this phone are shown on the roster, so the trainer sees what they saved; marks held back
        // for the trainer count as marked on this page, so that saving it sends them again. After the page's own
        // scripts have run: roster.js puts them on the form.
        var loaded = new Promise(function (resolve) {
            if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', resolve);
            else resolve();
        });
        Promise.all([Q.all(), loaded]).then(function (both) {
            var items = both[0];
            var mine = items.filter(function (i) { return i.sessionId === sessionId; })
                .sort(function (a, b) { return a.markedAt < b.markedAt ? -1 : 1; });
            if (!mine.length) return;
            mine.forEach(function (item) {
                form.dispatchEvent(new CustomEvent('roster:marks', { detail: { marks: item.entries, made: !!item.held } }));
                if (item.held) heldBack(item.held);
                if (!item.label && label) { item.label = label; Q.add(item); } // queued by the service worker
            });
            if (mine.some(function (i) { return !i.held; })) savedHere();
        });

        // Saving the roster again sends the marks held back: they are on the form now.
        function dropHeldBack() {
            return Q.all().then(function (items) {
                return Promise.all(items.filter(function (i) { return i.sessionId === sessionId && i.held; })
                    .map(function (i) { return Q.remove(i.submissionId); }));
            });
        }

        form.addEventListener('submit', function (event) {
            markUsed(idInput.value);
            Array.prototype.forEach.call(form.parentNode.querySelectorAll('[data-held-back]'), function (b) { b.remove(); });
            if (navigator.onLine) { dropHeldBack(); return; } // posts as usual; if the post cannot get through, the service worker queues it
            event.preventDefault();
            var item = Q.fromForm(new FormData(form), sessionId, label);
            dropHeldBack().then(function () { return Q.add(item); }).then(function () {
                idInput.value = Q.newId(); // a further save from this page is a new submission
                savedHere();
                return refreshBadge();
            });
        });
    }
    if (form) rosterPage();

    if (Q.channel) Q.channel.onmessage = function () { refreshBadge(); };
    window.addEventListener('online', sendAll);
    window.addEventListener('offline', refreshBadge);
    setInterval(function () { Q.count().then(function (n) { if (n > 0) sendAll(); }); }, RETRY_MS);
    showReports();
    refreshBadge().then(function (n) { if (n > 0) sendAll(); });
})();
