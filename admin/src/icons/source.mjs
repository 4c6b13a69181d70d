// Remix icons used by the SPA. Only these are bundled (no Iconify API at run time):
// add a name here, then run `pnpm run icons` to regenerate ./collections.ts.
import ri from "@iconify-json/ri/icons.json" with { type: "json" };

export const collectionsToFilter = [
  [
    ri,
    [
      "add-line",
      "arrow-down-line",
      "arrow-go-back-line",
      "arrow-left-line",
      "arrow-left-right-line", // "compare versions" (ri has no git-compare-line in this set)
      "arrow-right-line",
      "arrow-up-down-line",
      "arrow-up-line",
      "check-line",
      "checkbox-circle-line",
      "close-line",
      "delete-bin-line",
      "download-line",
      "edit-line",
      "error-warning-line",
      "eye-line",
      "file-list-line",
      "file-pdf-line",
      "filter-line",
      "history-line",
      "information-line",
      "lock-line",
      "lock-unlock-line",
      "login-box-line",
      "logout-box-r-line",
      "refresh-line",
      "save-line",
      "search-line",
      "send-plane-line",
      "user-line",
    ],
  ],
];
