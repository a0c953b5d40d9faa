/* Rapport host script: sizes Rapport iframes to their content. Optional: without it an
   embedded Rapport scrolls inside its own frame. Plain JavaScript, no dependencies.
   Accepts only {type: "rapport:resize", height: <number>} sent by an iframe on this page
   from that iframe's own origin. */
(function () {
  "use strict";
  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || typeof data !== "object" || data.type !== "rapport:resize") return;
    var height = data.height;
    if (typeof height !== "number" || !(height > 0 && height < 100000)) return;
    var frames = document.getElementsByTagName("iframe");
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (frame.contentWindow !== event.source) continue;
      var origin;
      try {
        origin = new URL(frame.src, document.baseURI).origin;
      } catch (e) {
        return;
      }
      if (origin !== event.origin) return;
      frame.style.height = Math.ceil(height) + "px";
      return;
    }
  });
})();
