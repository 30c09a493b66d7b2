(function () {
  "use strict";
  var dataEl = document.getElementById("na-data");
  if (!dataEl) return;
  var data = JSON.parse(dataEl.textContent);
  var F = data.findings || {};
  var box = document.getElementById("na-details");
  var body = box.querySelector(".d-body");
  var article = document.getElementById("na-article");
  var selected = [];

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function hidden(layer) { return document.body.classList.contains("hide-" + layer); }
  function clearSel() {
    selected.forEach(function (n) { n.classList.remove("sel"); });
    selected = [];
  }
  function show(ids) {
    clearSel();
    while (body.firstChild) body.removeChild(body.firstChild);
    ids.forEach(function (id) {
      var f = F[id];
      if (!f) return;
      var sec = el("section", "d-" + f.layer);
      sec.setAttribute("data-id", id);
      sec.appendChild(el("h3", null, f.title));
      if (f.text) sec.appendChild(el("p", "quoted", "\u201c" + f.text + "\u201d"));
      var dl = el("dl");
      (f.rows || []).forEach(function (r) {
        dl.appendChild(el("dt", null, r[0]));
        dl.appendChild(el("dd", null, r[1]));
      });
      sec.appendChild(dl);
      body.appendChild(sec);
      var nodes = document.querySelectorAll('[data-f="' + id + '"]');
      for (var i = 0; i < nodes.length; i++) { nodes[i].classList.add("sel"); selected.push(nodes[i]); }
    });
    box.hidden = false;
  }
  article.addEventListener("click", function (e) {
    var ids = [];
    var n = e.target;
    while (n && n !== article) {
      if (n.getAttribute && n.getAttribute("data-f")) {
        var id = n.getAttribute("data-f"), layer = n.getAttribute("data-l");
        if (!hidden(layer) && ids.indexOf(id) < 0) ids.push(id);
      }
      n = n.parentNode;
    }
    if (ids.length) show(ids);
  });
  box.querySelector(".close").addEventListener("click", function () { box.hidden = true; clearSel(); });
  document.addEventListener("keydown", function (e) { if (e.key === "Escape") { box.hidden = true; clearSel(); } });
  var toggles = document.querySelectorAll("input[data-layer]");
  for (var i = 0; i < toggles.length; i++) {
    toggles[i].addEventListener("change", function (e) {
      var t = e.target;
      document.body.classList.toggle("hide-" + t.getAttribute("data-layer"), !t.checked);
    });
  }
  var gotos = document.querySelectorAll("a[data-goto]");
  for (var j = 0; j < gotos.length; j++) {
    gotos[j].addEventListener("click", function (e) {
      e.preventDefault();
      var id = e.currentTarget.getAttribute("data-goto");
      var target = document.querySelector('[data-f="' + id + '"]');
      if (target) target.scrollIntoView({ block: "center" });
      show([id]);
    });
  }
})();
