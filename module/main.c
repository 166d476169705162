// SPDX-License-Identifier: GPL-2.0
/*
 * main.c - module init and exit, and the /dev/mipsvcpu misc device.
 *
 * /dev/mipsvcpu only answers version queries and creates VMs; everything
 * else happens on the VM and VCPU fds it hands out (vm.c, vcpu.c).  Every
 * fd holds a reference on the module, so it cannot be unloaded while one
 * is open.  The device's sysfs directory counts the objects alive, which
 * the selftests use to prove that nothing leaks.
 */
#include <linux/device.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/module.h>
#include <linux/uaccess.h>

#include "mipsvcpu.h"
#include "addrmap.h"

struct mvc_host_caps mvc_host;
struct mvc_counters mvc_live;

static long mvc_dev_create_vm(void __user *argp)
{
	struct mipsvcpu_create_vm arg;

	if (copy_from_user(&arg, argp, sizeof(arg)))
		return -EFAULT;
	if (arg.flags & ~MIPSVCPU_CREATE_VM_VALID_FLAGS)
		return -EINVAL;
	if (memchr_inv(arg.reserved, 0, sizeof(arg.reserved)))
		return -EINVAL;
	BUILD_BUG_ON(MIPSVCPU_USER_VA_LIMIT != MVC_GUEST_VA_LIMIT);
	BUILD_BUG_ON(MIPSVCPU_USER_WINDOW_ALIGN != MVC_UWIN_ALIGN);
	if (arg.flags & MIPSVCPU_VM_USER_WINDOW) {
		if (mvc_uwin_check(arg.user_base, arg.user_end) != MVC_UWIN_OK)
			return -EINVAL;
	} else if (arg.user_base || arg.user_end) {
		return -EINVAL;
	}
	return mvc_create_vm(&arg);
}

static long mvc_dev_ioctl(struct file *file, unsigned int cmd,
			  unsigned long arg)
{
	switch (cmd) {
	case MIPSVCPU_GET_API_VERSION:
		return arg ? -EINVAL : MIPSVCPU_API_VERSION;
	case MIPSVCPU_CREATE_VM:
		return mvc_dev_create_vm((void __user *)arg);
	case MIPSVCPU_GET_VCPU_MMAP_SIZE:
		return arg ? -EINVAL : PAGE_SIZE;
	}
	return -ENOTTY;
}

static const struct file_operations mvc_dev_fops = {
	.owner		= THIS_MODULE,
	.unlocked_ioctl	= mvc_dev_ioctl,
	.compat_ioctl	= compat_ptr_ioctl,
	.llseek		= noop_llseek,
};

static ssize_t live_vms_show(struct device *dev,
			     struct device_attribute *attr, char *buf)
{
	return sysfs_emit(buf, "%d\n", atomic_read(&mvc_live.vms));
}
static DEVICE_ATTR_RO(live_vms);

static ssize_t live_vcpus_show(struct device *dev,
			       struct device_attribute *attr, char *buf)
{
	return sysfs_emit(buf, "%d\n", atomic_read(&mvc_live.vcpus));
}
static DEVICE_ATTR_RO(live_vcpus);

static ssize_t pinned_pages_show(struct device *dev,
				 struct device_attribute *attr, char *buf)
{
	return sysfs_emit(buf, "%ld\n",
			  atomic_long_read(&mvc_live.pinned_pages));
}
static DEVICE_ATTR_RO(pinned_pages);

static struct attribute *mvc_dev_attrs[] = {
	&dev_attr_live_vms.attr,
	&dev_attr_live_vcpus.attr,
	&dev_attr_pinned_pages.attr,
	NULL,
};
ATTRIBUTE_GROUPS(mvc_dev);

static struct miscdevice mvc_miscdev = {
	.minor	= MISC_DYNAMIC_MINOR,
	.name	= "mipsvcpu",
	.fops	= &mvc_dev_fops,
	.groups	= mvc_dev_groups,
	.mode	= 0660,
};

static int __init mvc_init(void)
{
	int ret;

	ret = mvc_probe_cpu(&mvc_host);
	if (ret)
		return ret;

	mvc_debugfs_init();
	ret = misc_register(&mvc_miscdev);
	if (ret) {
		pr_err("cannot register /dev/mipsvcpu: %d\n", ret);
		goto out_debugfs;
	}
	return 0;

out_debugfs:
	mvc_debugfs_exit();
	return ret;
}

static void __exit mvc_exit(void)
{
	misc_deregister(&mvc_miscdev);
	mvc_debugfs_exit();
}

module_init(mvc_init);
module_exit(mvc_exit);

MODULE_DESCRIPTION("Trap-and-emulate MIPS32 virtual CPUs");
MODULE_AUTHOR("The mipsvcpu authors");
MODULE_LICENSE("GPL");
