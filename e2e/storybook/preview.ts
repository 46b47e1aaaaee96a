// The project's own preview (decorators, MSW loader, styles), unchanged.
export { default } from "../../.storybook/preview";
