// Installs the service worker (service-worker.js) that keeps a trainer's pages for use without a connection. Signing
// out forgets them (attendance-offline.js).
(function () {
    'use strict';
    if (!('serviceWorker' in navigator)) return;

    // Whether a worker answered this page's own request (and so kept it already). Not navigator.serviceWorker
    // .controller: the first worker's clients.claim() sets it on a page it never saw, and often before `ready` below
    // has run, so asking the controller would skip keeping the very first Today. workerStart stays 0 when no worker
    // was involved.
    var navigation = performance.getEntriesByType ? performance.getEntriesByType('navigation')[0] : null;
    var seenByWorker = navigation ? navigation.workerStart > 0 : !!navigator.serviceWorker.controller;

    navigator.serviceWorker.register('/service-worker.js', { scope: '/' }).catch(function () { /* the app works without it */ });

    // A page loaded before the worker was active was not seen by it: ask it to keep this page if it is one it keeps
    // (Today brings its rosters along).
    navigator.serviceWorker.ready.then(function (registration) {
        if (!seenByWorker && registration.active) registration.active.postMessage({ type: 'keep', path: location.pathname });
    });
})();
