import { initials } from "./format.js";

/** Decorative initials (the name is in the heading): from the name, else the number's last digits. */
export function Avatar({ name, digits }: { name: string | null; digits: string | null }) {
  const letters = (name && initials(name)) || (digits ? digits.slice(-2) : "");
  return (
    <span className="fiq-avatar" aria-hidden="true">
      {letters}
    </span>
  );
}
