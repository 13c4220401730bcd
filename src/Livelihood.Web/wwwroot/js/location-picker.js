// Location picker: choosing a province, district or subdistrict reloads the lists below it; a village can be added
// under the chosen subdistrict. The server renders every list too, so the form never depends on this script.
(function () {
    'use strict';
    var levels = ['province', 'district', 'subdistrict', 'village'];
    var handlers = { district: 'Districts&provinceId=', subdistrict: 'Subdistricts&districtId=', village: 'Villages&subdistrictId=' };

    function fill(select, options) {
        var first = select.options[0];
        select.innerHTML = '';
        select.appendChild(first);
        options.forEach(function (o) { select.appendChild(new Option(o.name, o.id)); });
    }

    document.querySelectorAll('[data-location-picker]').forEach(function (picker) {
        var selects = {};
        levels.forEach(function (l) { selects[l] = picker.querySelector('[data-level="' + l + '"]'); });

        levels.slice(0, 3).forEach(function (level, i) {
            selects[level].addEventListener('change', function () {
                var below = levels.slice(i + 1);
                below.forEach(function (l) { fill(selects[l], []); });
                if (!selects[level].value) return;
                fetch('/Locations?handler=' + handlers[below[0]] + encodeURIComponent(selects[level].value), { credentials: 'same-origin' })
                    .then(function (r) { return r.json(); })
                    .then(function (list) { fill(selects[below[0]], list); });
            });
        });

        var add = picker.querySelector('[data-new="add"]');
        var error = picker.querySelector('[data-new="error"]');
        add.addEventListener('click', function () {
            error.textContent = '';
            var form = picker.closest('form');
            var body = new URLSearchParams();
            body.set('SubdistrictId', selects.subdistrict.value || '0');
            body.set('VillageNumber', picker.querySelector('[data-new="number"]').value || '0');
            body.set('NameTh', picker.querySelector('[data-new="name"]').value);
            body.set('__RequestVerificationToken', form.querySelector('input[name="__RequestVerificationToken"]').value);
            fetch('/Locations?handler=Village', { method: 'POST', body: body, credentials: 'same-origin' })
                .then(function (r) { return r.json().then(function (json) { return { ok: r.ok, json: json }; }); })
                .then(function (result) {
                    if (!result.ok) {
                        error.textContent = Object.keys(result.json).map(function (k) { return result.json[k].join(' '); }).join(' ');
                        return;
                    }
                    var option = new Option(result.json.name, result.json.id, true, true);
                    selects.village.appendChild(option);
                    picker.querySelector('[data-add-village]').open = false;
                });
        });
    });
})();
