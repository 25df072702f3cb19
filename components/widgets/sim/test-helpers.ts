/** What widget tests do over and over: press a button by its accessible name, read a table's headers. */
import { fireEvent, screen, within } from "@testing-library/react";

/** Clicks the button named `name` (`times` times), as a learner would. */
export function click(name: string | RegExp, times = 1) {
  for (let i = 0; i < times; i++) fireEvent.click(screen.getByRole("button", { name }));
}

/** The column header texts of the table captioned `caption`. */
export function columnHeaders(caption: string): (string | null)[] {
  return within(screen.getByRole("table", { name: caption }))
    .getAllByRole("columnheader")
    .map((h) => h.textContent);
}
