// Forms with data-confirm ask before they submit (destructive actions). Without JavaScript they submit directly.
document.addEventListener('submit', function (event) {
    var message = event.target.getAttribute && event.target.getAttribute('data-confirm');
    if (message && !window.confirm(message)) event.preventDefault();
});
