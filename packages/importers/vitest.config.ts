import { edgelineProject } from "../../vitest.project.ts";

export default edgelineProject();
