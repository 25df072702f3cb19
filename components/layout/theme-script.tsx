/** Sets the theme class before first paint so a dark-mode reader never sees a white flash. */
export function ThemeScript() {
  const code = `try{var t=localStorage.getItem("theme");if(t==="dark"||(!t&&matchMedia("(prefers-color-scheme: dark)").matches))document.documentElement.classList.add("dark")}catch(e){}`;
  return <script dangerouslySetInnerHTML={{ __html: code }} />;
}
