// Livelihood's service worker: lets a trainer open the attendance pages and save marks without a connection.
// - The app shell (styles, scripts, icons) is kept on install and served from the cache, fetched again when its
//   versioned URL (?v=…) changes.
// - A trainer's pages, Home (/), Today (/Attendance), rosters (/Attendance/Roster/{id}) and My cohorts (/Cohorts), are
//   network first: each good answer is kept, and the kept copy answers when there is no connection (a page not kept
//   yet: Today; a trainer's Home is Today). When Today is kept, the rosters it links to and My cohorts are kept too.
// - A roster's form post that fails for lack of a connection is put in the offline queue (attendance-queue.js), to be
//   sent by the pages when the connection returns. Nothing else is kept: no other page, no answer to a post.
// Change VERSION with every change to this file or to SHELL: the new worker then replaces the old shell. The kept
// pages and the queue (IndexedDB) outlive a new worker: a trainer may be offline with both when it arrives.
'use strict';
var VERSION = 'v6';
var SHELL_CACHE = 'livelihood-shell-' + VERSION;
var PAGES_CACHE = 'livelihood-pages';
var SHELL = [
    '/lib/bootstrap/bootstrap.min.css',
    '/lib/bootstrap/bootstrap.bundle.min.js',
    '/lib/idb/umd.js',
    '/css/site.css',
    '/js/roster.js',
    '/js/attendance-queue.js',
    '/js/attendance-offline.js',
    '/js/sw-register.js',
    '/js/ready-offline.js',
    '/manifest.webmanifest',
    '/icons/icon-192.png',
    '/icons/icon-512.png'
];

importScripts('/lib/idb/umd.js', '/js/attendance-queue.js');

var TODAY = /^\/attendance(\/index)?\/?$/i;
var ROSTER = /^\/attendance\/roster\/(\d+)\/?$/i;
var HOME = /^\/$/;
var COHORTS = /^\/cohorts\/?$/i;

function isKeptPage(path) { return TODAY.test(path) || ROSTER.test(path) || HOME.test(path) || COHORTS.test(path); }
function isShell(path) { return SHELL.indexOf(path) >= 0; }

self.addEventListener('install', function (event) {
    event.waitUntil(caches.open(SHELL_CACHE).then(function (cache) { return cache.addAll(SHELL); }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener('activate', function (event) {
    event.waitUntil(caches.keys().then(function (names) {
        return Promise.all(names.filter(function (n) { return n.indexOf('livelihood-') === 0 && n !== SHELL_CACHE && n !== PAGES_CACHE; })
            .map(function (n) { return caches.delete(n); }));
    }).then(function () { return self.clients.claim(); }));
});

self.addEventListener('fetch', function (event) {
    var request = event.request;
    var url = new URL(request.url);
    if (url.origin !== self.location.origin) return;
    if (request.method === 'GET' && request.mode === 'navigate' && isKeptPage(url.pathname)) {
        event.respondWith(networkFirst(event, url));
    } else if (request.method === 'GET' && isShell(url.pathname)) {
        event.respondWith(shell(request, url));
    } else if (request.method === 'POST' && request.mode === 'navigate' && ROSTER.test(url.pathname) && !url.search) {
        event.respondWith(fetch(request.clone()).catch(function () { return queueForm(request, url); }));
    }
    // Anything else goes to the network as if there were no worker.
});

// Pages opened before this worker controlled them ask it to keep their attendance page (sw-register.js).
self.addEventListener('message', function (event) {
    var data = event.data || {};
    if (data.type === 'keep' && isKeptPage(data.path)) event.waitUntil(keep(new URL(data.path, self.location.origin)));
});

function pageKey(url) { return url.origin + url.pathname.replace(/\/$/, '').toLowerCase(); }

function keepable(response) { return response && response.ok && !response.redirected && response.type === 'basic'; }

// A put replaces the kept copy in one step: a page being kept again (Today brings its rosters each time it loads) is
// never missing from the cache while the new copy is written.
function store(url, response) {
    return caches.open(PAGES_CACHE).then(function (cache) { return cache.put(pageKey(url), response); });
}

// Today's copy also brings the rosters it links to and My cohorts, so the trainer need not open each one while online.
function keepLinkedRosters(html) {
    var seen = {}, paths = ['/Cohorts'], link = /href="(\/Attendance\/Roster\/\d+)"/gi, m;
    while ((m = link.exec(html))) if (!seen[m[1]]) { seen[m[1]] = true; paths.push(m[1]); }
    return Promise.all(paths.map(function (path) {
        var url = new URL(path, self.location.origin);
        return fetch(url, { credentials: 'same-origin' })
            .then(function (r) { return keepable(r) ? store(url, r) : null; })
            .catch(function () { return null; });
    }));
}

function keep(url) {
    return fetch(url, { credentials: 'same-origin' }).then(function (response) {
        if (!keepable(response)) return null;
        var copy = response.clone();
        return store(url, response).then(function () {
            return TODAY.test(url.pathname) ? copy.text().then(keepLinkedRosters) : null;
        });
    }).catch(function () { return null; });
}

function networkFirst(event, url) {
    return fetch(event.request).then(function (response) {
        // A page asked with a query (a filtered list, a roster typing in a paper sheet) is not the page kept under its
        // path, but a roster just saved (?saved=…) is.
        if (keepable(response) && (!url.search || /^\?saved=[^&]*$/.test(url.search))) {
            var copy = response.clone();
            var work = store(url, copy.clone());
            if (TODAY.test(url.pathname)) work = work.then(function () { return copy.text(); }).then(keepLinkedRosters);
            event.waitUntil(work.catch(function () { }));
        }
        return response;
    }).catch(function () {
        return caches.open(PAGES_CACHE).then(function (cache) {
            return cache.match(pageKey(url)).then(function (hit) {
                return hit || cache.match(pageKey(new URL('/Attendance', url))).then(function (today) { return today || Response.error(); });
            });
        });
    });
}

function shell(request, url) {
    return caches.open(SHELL_CACHE).then(function (cache) {
        return cache.match(request).then(function (hit) {
            if (hit) return hit;
            return fetch(request).then(function (response) {
                if (response.ok) {
                    var copy = response.clone();
                    // One copy per file: the new version replaces the one kept before.
                    cache.keys().then(function (keys) {
                        return Promise.all(keys.filter(function (k) { return new URL(k.url).pathname === url.pathname; })
                            .map(function (k) { return cache.delete(k); }));
                    }).then(function () { return cache.put(request, copy); });
                }
                return response;
            }).catch(function () {
                return cache.match(request, { ignoreSearch: true }).then(function (any) { return any || Response.error(); });
            });
        });
    });
}

// The roster's Save when the post could not reach the server: queue it and show the kept roster again, which tells
// the trainer the marks are saved on the phone (attendance-offline.js reads ?queued).
function queueForm(request, url) {
    var sessionId = ROSTER.exec(url.pathname)[1];
    return request.formData().then(function (data) {
        var item = self.LivelihoodQueue.fromForm(data, sessionId, '');
        return self.LivelihoodQueue.get(item.submissionId).then(function (existing) {
            if (existing) item.submissionId = self.LivelihoodQueue.newId();
            return self.LivelihoodQueue.add(item);
        });
    }).then(function () {
        return Response.redirect(url.pathname + '?queued=1', 303);
    });
}
