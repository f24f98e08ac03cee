document.getElementById("b").addEventListener("click", function (e) {
  var b = e.currentTarget;
  b.setAttribute("aria-pressed", b.getAttribute("aria-pressed") === "true" ? "false" : "true");
});
