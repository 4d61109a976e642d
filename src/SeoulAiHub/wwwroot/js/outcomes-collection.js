// Outcomes collection pages.
// 1. KPI report autosave: a few seconds after the last change the form's values and notes (never its files, which
//    go with the buttons) are posted to data-oc-autosave-url; the status element shows "저장됨 HH:mm" or the error.
// 2. A search box filtering a checkbox list (data-filter-list="#list"): hides the items whose text does not match.
(function () {
    'use strict';

    var form = document.querySelector('form[data-oc-autosave-url]');
    if (form && window.fetch && window.FormData) {
        var status = form.querySelector('.autosave-status');
        var timer = null;
        var busy = false;
        var dirty = false;

        var show = function (text) {
            if (status) {
                status.textContent = text;
            }
        };

        var body = function () {
            var data = new FormData(form);
            var files = form.querySelectorAll('input[type=file][name]');
            for (var i = 0; i < files.length; i++) {
                data.delete(files[i].name);
            }
            return data;
        };

        var save = function () {
            timer = null;
            if (busy) {
                dirty = true;
                return;
            }
            busy = true;
            dirty = false;
            fetch(form.getAttribute('data-oc-autosave-url'), {
                method: 'POST',
                body: body(),
                credentials: 'same-origin',
                headers: { 'Accept': 'application/json' }
            }).then(function (response) {
                return response.json().then(function (answer) {
                    if (response.ok && answer.savedAt) {
                        show((form.getAttribute('data-saved-text') || '{0}').replace('{0}', answer.savedAt));
                    } else {
                        show(answer.error || form.getAttribute('data-failed-text') || '');
                    }
                });
            }).catch(function () {
                show(form.getAttribute('data-failed-text') || '');
            }).then(function () {
                busy = false;
                if (dirty) {
                    schedule();
                }
            });
        };

        var schedule = function () {
            if (timer) {
                clearTimeout(timer);
            }
            timer = setTimeout(save, 3000);
        };

        form.addEventListener('input', function (event) {
            if (event.target && event.target.type !== 'file') {
                schedule();
            }
        });
        form.addEventListener('submit', function () {
            if (timer) {
                clearTimeout(timer);
                timer = null;
            }
        });
    }

    var searches = document.querySelectorAll('input[data-filter-list]');
    Array.prototype.forEach.call(searches, function (search) {
        var list = document.querySelector(search.getAttribute('data-filter-list'));
        if (!list) {
            return;
        }
        search.addEventListener('input', function () {
            var query = search.value.trim().toLowerCase();
            Array.prototype.forEach.call(list.querySelectorAll('li'), function (item) {
                item.hidden = query.length > 0 && item.textContent.toLowerCase().indexOf(query) < 0;
            });
        });
    });
})();
