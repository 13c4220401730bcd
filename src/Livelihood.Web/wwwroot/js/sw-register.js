// Installs the service worker (service-worker.js) that keeps the attendance pages for use without a connection.
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

    // A page loaded before the worker was active was not seen by it: ask it to keep this attendance page (Today
    // brings its rosters along).
    navigator.serviceWorker.ready.then(function (registration) {
        if (!seenByWorker && registration.active && /^\/attendance(\/|$)/i.test(location.pathname))
            registration.active.postMessage({ type: 'keep', path: location.pathname });
    });

    // Signing out forgets the pages kept on this phone (they hold people's names). Marks waiting to be sent stay.
    Array.prototype.forEach.call(document.querySelectorAll('form[action$="/Account/SignOut"]'), function (form) {
        form.addEventListener('submit', function (event) {
            if (!('caches' in window) || form.hasAttribute('data-caches-cleared')) return;
            event.preventDefault();
            form.setAttribute('data-caches-cleared', '');
            caches.keys().then(function (names) {
                return Promise.all(names.filter(function (n) { return n.indexOf('livelihood-pages-') === 0; }).map(function (n) { return caches.delete(n); }));
            }).catch(function () { }).then(function () { form.submit(); });
        });
    });
})();
