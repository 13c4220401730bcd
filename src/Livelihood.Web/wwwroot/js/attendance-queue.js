// The phone's queue of attendance saved offline, in IndexedDB through the vendored idb library (lib/idb/umd.js, which
// must be loaded first). Shared by the pages (attendance-offline.js) and the service worker (importScripts), so both
// store the same shape: { submissionId, sessionId, markedAt, entries: [{ enrollmentId, mark, note, baseVersion,
// markedAt }], token, label, paper, held }. markedAt: the phone's time at Save, and each entry's when the person was
// marked (roster.js); paper: { date, code } of a paper sheet typed in; held: the server's reason for sending it back to
// the trainer (its clock), when it did. Every change is announced on a BroadcastChannel so each open page can update
// its badge.
(function (global) {
    'use strict';
    var STORE = 'submissions';
    var channel = 'BroadcastChannel' in global ? new BroadcastChannel('livelihood-attendance-queue') : null;
    var opened;

    function db() {
        return opened || (opened = global.idb.openDB('livelihood-attendance', 1, {
            upgrade: function (d) { d.createObjectStore(STORE, { keyPath: 'submissionId' }); }
        }));
    }

    function changed(value) {
        if (channel) channel.postMessage('changed');
        return value;
    }

    function newId() {
        if (global.crypto && global.crypto.randomUUID) return global.crypto.randomUUID().replace(/-/g, '');
        var bytes = new Uint8Array(16);
        global.crypto.getRandomValues(bytes);
        return Array.prototype.map.call(bytes, function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
    }

    // A roster form's fields (FormData) as a queued submission: marks[id], notes[id], versions[id], markedAt[id] as the
    // page posts them.
    function fromForm(data, sessionId, label) {
        var entries = [];
        data.forEach(function (value, name) {
            var m = /^marks\[(\d+)\]$/.exec(name);
            if (!m || !value) return;
            entries.push({
                enrollmentId: Number(m[1]),
                mark: String(value),
                note: data.get('notes[' + m[1] + ']') || null,
                baseVersion: Number(data.get('versions[' + m[1] + ']') || 0),
                markedAt: data.get('markedAt[' + m[1] + ']') || null
            });
        });
        return {
            submissionId: String(data.get('submissionId') || newId()),
            sessionId: Number(sessionId),
            markedAt: new Date().toISOString(),
            entries: entries,
            token: String(data.get('__RequestVerificationToken') || ''),
            label: label || '',
            paper: data.get('paper') === 'true' ? { date: data.get('paperDate') || null, code: data.get('paperCode') || null } : null
        };
    }

    global.LivelihoodQueue = {
        channel: channel,
        newId: newId,
        fromForm: fromForm,
        add: function (item) { return db().then(function (d) { return d.put(STORE, item); }).then(changed); },
        get: function (id) { return db().then(function (d) { return d.get(STORE, id); }); },
        all: function () { return db().then(function (d) { return d.getAll(STORE); }); },
        count: function () { return db().then(function (d) { return d.count(STORE); }); },
        remove: function (id) { return db().then(function (d) { return d.delete(STORE, id); }).then(changed); },
        clear: function () { return db().then(function (d) { return d.clear(STORE); }).then(changed); }
    };
})(self);
