// Lets TypeScript accept `import './x.css'` and `import.meta.env` in the console sources.
/// <reference types="vite/client" />
