// Today: marks each roster "ready without a signal" once the service worker has kept it on this phone, so a trainer
// knows before leaving the signal behind. The worker keeps the rosters a moment after Today loads; look every second
// for a while. Kept pages are stored under their lower-case path (service-worker.js, pageKey).
(function () {
    'use strict';
    if (!('caches' in window) || !('serviceWorker' in navigator)) return;
    var waiting = Array.prototype.map.call(document.querySelectorAll('a[href] [data-ready-offline]'), function (mark) {
        var link = mark.closest('a[href]');
        return { mark: mark, key: location.origin + link.getAttribute('href').toLowerCase() };
    });
    var tries = 0;
    function look() {
        Promise.all(waiting.map(function (w) {
            return caches.match(w.key).then(function (hit) { if (hit) w.mark.hidden = false; return !hit; });
        })).then(function (missing) {
            waiting = waiting.filter(function (_, i) { return missing[i]; });
            if (waiting.length && ++tries < 30) setTimeout(look, 1000);
        }).catch(function () { /* no cache storage (private mode): no mark */ });
    }
    if (waiting.length) look();
})();
