// Roster: "All present" marks everyone not yet marked; a live count says how many are marked. The button is shown
// only once this script can answer it (a tap while the page is still loading would do nothing); without the script
// the radio buttons and Save still work.
(function () {
    'use strict';
    var form = document.querySelector('[data-roster]');
    if (!form) return;
    var groups = Array.prototype.slice.call(form.querySelectorAll('.roster-marks'));
    var count = form.querySelector('[data-marked-count]');

    function refresh() {
        var marked = groups.filter(function (g) { return g.querySelector('input:checked'); }).length;
        count.textContent = count.getAttribute('data-template').replace('{0}', marked).replace('{1}', groups.length);
    }

    var allPresent = form.querySelector('[data-all-present]');
    allPresent.hidden = false;
    allPresent.addEventListener('click', function () {
        groups.forEach(function (g) {
            if (!g.querySelector('input:checked')) g.querySelector('input[value="Present"]').checked = true;
        });
        refresh();
    });
    form.addEventListener('change', refresh);
})();
