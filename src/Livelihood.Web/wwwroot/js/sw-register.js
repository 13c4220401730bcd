// Installs the service worker (service-worker.js) that keeps the attendance pages for use without a connection.
(function () {
    'use strict';
    if (!('serviceWorker' in navigator)) return;
    navigator.serviceWorker.register('/service-worker.js', { scope: '/' }).catch(function () { /* the app works without it */ });

    // A page loaded before the worker took control was not seen by it: ask it to keep this attendance page (Today
    // brings its rosters along).
    navigator.serviceWorker.ready.then(function (registration) {
        if (!navigator.serviceWorker.controller && registration.active && /^\/attendance(\/|$)/i.test(location.pathname))
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
