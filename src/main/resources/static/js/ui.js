// Behaviour every page may use, declared in the markup (the pages carry no script of their own).
(function () {
  // a form with data-confirm asks before it is sent
  document.querySelectorAll('form[data-confirm]').forEach(function (form) {
    form.addEventListener('submit', function (e) {
      if (!window.confirm(form.dataset.confirm)) { e.preventDefault(); }
    });
  });
})();
