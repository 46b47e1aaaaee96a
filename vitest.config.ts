import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

export default defineConfig({
  plugins: [react()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          environment: "jsdom",
          globals: true,
          include: ["test/**/*.test.{ts,tsx}"],
          setupFiles: ["test/setup.ts"],
          restoreMocks: true,
          testTimeout: 15_000,
        },
      },
    ],
  },
});
