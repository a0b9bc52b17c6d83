// The reading aids for older readers (适老化): 大字 (larger text), 行距
// (wider line spacing) and 高对比 (high contrast). Each is a toggle button
// (aria-pressed) that sets a class on <html> and remembers the choice in
// localStorage; layouts/_partials/head.html applies the remembered choices
// before the first paint. The page is complete without this script: it only
// shows the switches and remembers what the reader chose.
(function () {
  var root = document.documentElement;
  var tools = document.getElementById("reading-tools");
  if (!tools) return;
  function store(key, v) { try { localStorage.setItem(key, v); } catch (e) {} }
  var buttons = tools.querySelectorAll(".reading-switch");
  function render(btn) {
    btn.setAttribute("aria-pressed", root.classList.contains(btn.getAttribute("data-class")) ? "true" : "false");
  }
  Array.prototype.forEach.call(buttons, function (btn) {
    btn.addEventListener("click", function () {
      var on = root.classList.toggle(btn.getAttribute("data-class"));
      store(btn.getAttribute("data-key"), on ? btn.getAttribute("data-on") : "off");
      render(btn);
    });
    render(btn);
  });
  tools.hidden = false;
})();
