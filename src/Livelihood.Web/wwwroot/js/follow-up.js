// The follow-up form: show only the fields of the chosen outcome (done: the answers; missed: the reason).
// Without JavaScript every field shows and the server ignores the ones that do not apply.
(function () {
    const form = document.getElementById('follow-up-form');
    if (!form) return;
    const sync = () => {
        const chosen = form.querySelector('[data-outcome]:checked')?.value;
        form.querySelectorAll('[data-when]').forEach(part => { part.hidden = chosen !== undefined && part.dataset.when !== chosen; });
    };
    form.querySelectorAll('[data-outcome]').forEach(radio => radio.addEventListener('change', sync));
    sync();
})();
