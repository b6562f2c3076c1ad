// Shows the launch form as the command an operator or a scheduler would run, and copies it.
(function () {
  var form = document.getElementById('launch-form');
  var out = document.getElementById('cli');
  function quote(a) { return /^[A-Za-z0-9_.\/:=,@%+-]+$/.test(a) ? a : "'" + a.replace(/'/g, "'\\''") + "'"; }
  function render() {
    var args = [form.elements['operation'].value];
    ['cluster', 'table'].forEach(function (n) { var el = form.elements[n]; var v = el ? el.value.trim() : ''; if (v) { args.push(v); } });
    form.querySelectorAll('[data-option]').forEach(function (el) {
      if (el.value.trim()) { args.push('--' + el.dataset.option, el.value.trim()); }
    });
    form.querySelectorAll('[data-flag]').forEach(function (el) { if (el.checked) { args.push('--' + el.dataset.flag); } });
    out.textContent = 'scripts/ace ' + args.map(quote).join(' ');
  }
  form.addEventListener('input', render);
  form.addEventListener('change', render);
  document.getElementById('copy-cli').addEventListener('click', function () {
    var text = out.textContent;
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text);
    } else {
      var t = document.createElement('textarea'); t.value = text; document.body.appendChild(t); t.select();
      document.execCommand('copy'); document.body.removeChild(t);
    }
    this.textContent = 'Copied';
  });
  render();
})();
