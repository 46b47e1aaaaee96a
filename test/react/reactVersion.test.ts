import { version } from "react";
import { version as domVersion } from "react-dom";
import { version as serverVersion } from "react-dom/server";

// Runs in both the unit project (React 19) and the react18 project (aliased to React 18.3),
// each of which sets REACT_MAJOR, so neither can silently run the other's React.
describe("the React these suites run against", () => {
  it("is the major version the project names, for react, react-dom and react-dom/server", () => {
    expect(process.env.REACT_MAJOR).toMatch(/^1[89]$/);
    expect([version, domVersion, serverVersion].map((v) => v.split(".")[0])).toEqual(Array(3).fill(process.env.REACT_MAJOR));
  });
});
