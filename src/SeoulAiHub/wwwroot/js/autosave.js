// Autosave for application drafts: a few seconds after the last change the form is posted (with its antiforgery
// token field) to ?handler=Autosave and the status element shows "저장됨 HH:mm". The normal buttons keep working.
(function () {
    'use strict';
    var form = document.querySelector('form[data-autosave-url]');
    if (!form || !window.fetch || !window.FormData) {
        return;
    }
    var status = form.querySelector('.autosave-status');
    var timer = null;
    var busy = false;
    var dirty = false;

    function show(text) {
        if (status) {
            status.textContent = text;
        }
    }

    function save() {
        timer = null;
        if (busy) {
            dirty = true;
            return;
        }
        busy = true;
        dirty = false;
        fetch(form.getAttribute('data-autosave-url'), {
            method: 'POST',
            body: new FormData(form),
            credentials: 'same-origin',
            headers: { 'Accept': 'application/json' }
        }).then(function (response) {
            return response.json().then(function (body) {
                if (response.ok && body.savedAt) {
                    show((form.getAttribute('data-saved-text') || '{0}').replace('{0}', body.savedAt));
                } else {
                    show(body.error || form.getAttribute('data-failed-text') || '');
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
    }

    function schedule() {
        if (timer) {
            clearTimeout(timer);
        }
        timer = setTimeout(save, 3000);
    }

    form.addEventListener('input', schedule);
    form.addEventListener('change', schedule);
    // A real submit saves anyway: a pending autosave must not race it.
    form.addEventListener('submit', function () {
        if (timer) {
            clearTimeout(timer);
            timer = null;
        }
    });
})();
