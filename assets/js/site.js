// The larger-text switch for older readers. The page is complete without
// this script; it only adds the switch and remembers the reader's choice.
(function () {
  var KEY = "press-text-size";
  var root = document.documentElement;
  var btn = document.getElementById("text-size");
  if (!btn) return;
  var label = btn.querySelector(".text-size-label");
  var bigText = label.textContent;
  function store(v) { try { localStorage.setItem(KEY, v); } catch (e) {} }
  function render() {
    var large = root.classList.contains("text-large");
    btn.setAttribute("aria-pressed", large ? "true" : "false");
    label.textContent = bigText;
    btn.title = large ? "已切换为大字，再按一次恢复标准字号" : "切换为大字显示";
  }
  btn.addEventListener("click", function () {
    var large = root.classList.toggle("text-large");
    store(large ? "large" : "normal");
    render();
  });
  btn.hidden = false;
  render();
})();
