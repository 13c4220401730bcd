// Roster: "All present" marks everyone not yet marked; a live count says how many are marked. The button is shown
// only once this script can answer it (a tap while the page is still loading would do nothing); without the script
// the radio buttons and Save still work.
// Each mark carries when it was made: the phone's time of the tap (markedAt[id]) and of Save (sentAt) are added to
// what the form sends, so the server can tell which of two marks was made later (Features/Attendance/MarkMerge.cs).
// A person already marked when the page was shown and not changed on it is left out: sending the mark the page showed
// again would claim it as made now, over a later one made elsewhere meanwhile.
// Other scripts put marks on the form with a 'roster:marks' event (detail: { marks: [{ enrollmentId, mark, note,
// version }], made }): the marks kept on this phone, or the server's after a sync.
(function () {
    'use strict';
    var form = document.querySelector('[data-roster]');
    if (!form) return;
    var groups = Array.prototype.slice.call(form.querySelectorAll('.roster-marks'));
    var count = form.querySelector('[data-marked-count]');
    var made = {}; // enrollment id -> the phone's time the person was marked (or their note changed) on this page

    function field(kind, id) { return form.querySelector('[name="' + kind + '[' + id + ']"]'); }
    function idOf(element) {
        var m = /^(?:marks|notes)\[(\d+)\]$/.exec(element.name || '');
        return m ? m[1] : null;
    }

    function refresh() {
        var marked = 0;
        groups.forEach(function (g) {
            var checked = !!g.querySelector('input:checked');
            if (checked) marked++;
            var badge = g.closest('.roster-row').querySelector('[data-not-marked]');
            if (badge) badge.hidden = checked;
        });
        count.textContent = count.getAttribute('data-template').replace('{0}', marked).replace('{1}', groups.length);
    }

    function touched(event) {
        var id = idOf(event.target);
        if (id) made[id] = new Date().toISOString();
        refresh();
    }

    var allPresent = form.querySelector('[data-all-present]');
    if (allPresent) {
        allPresent.hidden = false;
        allPresent.addEventListener('click', function () {
            var now = new Date().toISOString();
            groups.forEach(function (g) {
                if (g.querySelector('input:checked')) return;
                var present = g.querySelector('input[value="Present"]');
                present.checked = true;
                made[idOf(present)] = now;
            });
            refresh();
        });
    }
    form.addEventListener('change', touched);
    form.addEventListener('input', touched);

    form.addEventListener('roster:marks', function (event) {
        var now = new Date().toISOString();
        event.detail.marks.forEach(function (m) {
            var radio = form.querySelector('input[name="marks[' + m.enrollmentId + ']"][value="' + m.mark + '"]');
            if (radio) radio.checked = true;
            var note = field('notes', m.enrollmentId);
            if (note) {
                note.value = m.note || '';
                if (m.note) note.closest('details').open = true; // a note kept on the phone is shown, not folded away
            }
            var version = field('versions', m.enrollmentId);
            if (version && m.version !== undefined) version.value = m.version;
            if (event.detail.made) made[m.enrollmentId] = now;
            else delete made[m.enrollmentId];
        });
        refresh();
    });

    // Runs for the browser's own post and for the offline queue's copy of the form (new FormData(form)).
    form.addEventListener('formdata', function (event) {
        var data = event.formData;
        Array.prototype.forEach.call(form.querySelectorAll('input[name^="versions["]'), function (version) {
            var id = /\[(\d+)\]/.exec(version.name)[1];
            if (made[id]) data.set('markedAt[' + id + ']', made[id]);
            else if (Number(version.value) > 0) ['marks', 'notes', 'versions'].forEach(function (kind) { data.delete(kind + '[' + id + ']'); });
        });
        data.set('sentAt', new Date().toISOString());
    });
    refresh();
})();
