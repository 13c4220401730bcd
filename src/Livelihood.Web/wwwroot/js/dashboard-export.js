// Reloads the export page every few seconds until the file is ready (the page itself says how far it got).
(function () {
    setTimeout(function () { window.location.reload(); }, 3000);
})();
