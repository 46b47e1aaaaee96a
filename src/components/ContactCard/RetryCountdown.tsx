import { useEffect, useState } from "react";
import { clockTime, fill, type ContactCardLabels } from "../ContactDisplay/labels.js";

export type RetryCountdownProps = {
  /** How long the API asked us to wait. */
  ms: number;
  /** Called once, when the wait is over. */
  onDone: () => void;
  labels: ContactCardLabels;
};

/**
 * "Trying again in 1:45", counting down once a second, then `onDone`. A `timer` role, which is
 * not read out on every tick, inside the card's alert, which is read out once.
 */
export function RetryCountdown({ ms, onDone, labels }: RetryCountdownProps) {
  const [seconds, setSeconds] = useState(() => Math.max(0, Math.ceil(ms / 1000)));
  useEffect(() => {
    if (seconds === 0) {
      onDone();
      return;
    }
    const tick = setTimeout(() => setSeconds(seconds - 1), 1000);
    return () => clearTimeout(tick);
    // onDone is the card's retry; a new function on each render must not restart the count.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [seconds]);
  return (
    <p className="fiq-meta" role="timer">
      {fill(labels.retryingIn, { time: clockTime(seconds), seconds })}
    </p>
  );
}
