// dondoc pages: upload with progress, evidence highlighting on the review screen. No build step.
(function () {
  "use strict";

  function csrf() {
    var h = document.body.getAttribute("hx-headers");
    try { return JSON.parse(h)["X-CSRF-Token"]; } catch (e) { return ""; }
  }

  // ---- Upload: drag and drop, XHR with a progress bar, then HTMX polls the pipeline stages.
  function initUpload() {
    var form = document.getElementById("upload-form");
    if (!form) return;
    var zone = document.getElementById("dropzone");
    var input = form.querySelector("input[type=file]");
    var bar = document.getElementById("upload-progress");
    var out = document.getElementById("upload-status");
    function send(file) {
      if (!file) return;
      var fd = new FormData();
      fd.append("file", file, file.name);
      fd.append("csrf_token", csrf());
      var xhr = new XMLHttpRequest();
      xhr.open("POST", form.action);
      xhr.setRequestHeader("X-CSRF-Token", csrf());
      xhr.setRequestHeader("HX-Request", "true");
      bar.hidden = false; bar.value = 0;
      xhr.upload.onprogress = function (ev) { if (ev.lengthComputable) bar.value = Math.round(100 * ev.loaded / ev.total); };
      xhr.onload = function () {
        bar.value = 100;
        out.innerHTML = xhr.responseText;
        if (window.htmx) window.htmx.process(out);
      };
      xhr.onerror = function () { out.innerHTML = '<p class="flash error">Không gửi được tệp: mất kết nối tới máy chủ. Hãy thử lại.</p>'; };
      xhr.send(fd);
    }
    form.addEventListener("submit", function (ev) { ev.preventDefault(); send(input.files[0]); });
    input.addEventListener("change", function () { send(input.files[0]); });
    zone.addEventListener("click", function () { input.click(); });
    zone.addEventListener("keydown", function (ev) { if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); input.click(); } });
    ["dragenter", "dragover"].forEach(function (t) { zone.addEventListener(t, function (ev) { ev.preventDefault(); zone.classList.add("over"); }); });
    ["dragleave", "drop"].forEach(function (t) { zone.addEventListener(t, function (ev) { ev.preventDefault(); zone.classList.remove("over"); }); });
    zone.addEventListener("drop", function (ev) { if (ev.dataTransfer.files.length) send(ev.dataTransfer.files[0]); });
  }

  // ---- Evidence: spans are code-point offsets into the document text shown in #doctext.
  function rangeFor(container, start, end) {
    var walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT, {
      acceptNode: function (n) { return n.parentElement.closest("[data-ui]") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT; }
    });
    var pos = 0, range = document.createRange(), haveStart = false, node;
    while ((node = walker.nextNode())) {
      var cps = Array.from(node.data), n = cps.length;
      if (!haveStart && start <= pos + n) {
        range.setStart(node, cps.slice(0, start - pos).join("").length); haveStart = true;
      }
      if (haveStart && end <= pos + n) {
        range.setEnd(node, cps.slice(0, end - pos).join("").length); return range;
      }
      pos += n;
    }
    return haveStart ? range : null;
  }

  function showEvidence(el) {
    var box = document.getElementById("doctext");
    if (!box) return;
    var s = parseInt(el.dataset.start, 10), e = parseInt(el.dataset.end, 10);
    document.querySelectorAll(".item.selected").forEach(function (x) { x.classList.remove("selected"); });
    var item = el.closest(".item"); if (item) item.classList.add("selected");
    if (isNaN(s) || isNaN(e) || e <= s) { box.dataset.evidence = ""; return; }
    var r = rangeFor(box, s, e);
    if (!r) return;
    if (window.CSS && CSS.highlights && window.Highlight) {
      CSS.highlights.set("evidence", new Highlight(r));
    } else {
      var sel = window.getSelection(); sel.removeAllRanges(); sel.addRange(r);
    }
    box.dataset.evidence = s + "-" + e;
    var rect = r.getBoundingClientRect(), brect = box.getBoundingClientRect();
    box.scrollTop += rect.top - brect.top - box.clientHeight / 3;
  }

  document.addEventListener("click", function (ev) {
    var el = ev.target.closest("[data-evidence]");
    if (!el) return;
    if (ev.target.closest("input, textarea, select, button, a")) return;
    showEvidence(el);
  });

  document.addEventListener("DOMContentLoaded", initUpload);
})();
