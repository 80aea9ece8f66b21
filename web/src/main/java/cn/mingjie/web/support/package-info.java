/** HTTP plumbing shared by all resources: problem+json, entity tags. */
package cn.mingjie.web.support;
