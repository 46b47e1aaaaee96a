import { configure } from "@testing-library/react";

// Stryker runs the suite instrumented, in one thread, beside other work: a findBy/waitFor that
// settles in well under a second in `npm test` can take longer here, and one failure in the first
// run stops the whole mutation run. Ten seconds instead of Testing Library's default one.
configure({ asyncUtilTimeout: 10_000 });
