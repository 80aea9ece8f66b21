/**
 * The web application, the only module that knows HTTP: thin resources that parse a request, call a
 * module and return a DTO; domain exceptions become problem+json in {@code support}.
 */
package cn.mingjie.web;
